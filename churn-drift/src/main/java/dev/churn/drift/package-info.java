/**
 * The churn-drift module. Its API arrives with the issue that builds it; until then the module
 * only takes part in the build so that dependencies between modules are fixed from the start.
 */
package dev.churn.drift;
