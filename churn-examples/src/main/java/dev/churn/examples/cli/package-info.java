/**
 * The {@code churn} command-line tool: {@link dev.churn.examples.cli.ChurnCli} and its
 * subcommands, the shared output options ({@code --json}) and error conventions.
 */
package dev.churn.examples.cli;
