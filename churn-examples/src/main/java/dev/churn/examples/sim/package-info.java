/**
 * Simulators that write realistic churn data in real-world formats, for examples, tests, the
 * monthly cycle and benchmarks.
 *
 * <p>{@link dev.churn.examples.sim.KkboxSimulator} writes the KKBox (WSDM Cup 2018) tables:
 * {@code members.csv}, {@code transactions.csv}, {@code user_logs.csv} and one {@code
 * train_YYYYMM.csv} label file per month, with a known churn mechanism, optional data and concept
 * drift and realistic dirty values; {@link dev.churn.examples.sim.SimulationResult} describes what
 * a run wrote.
 */
package dev.churn.examples.sim;
