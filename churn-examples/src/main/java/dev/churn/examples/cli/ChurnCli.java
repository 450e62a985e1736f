package dev.churn.examples.cli;

/** Placeholder entry point, replaced by the picocli command tree. */
public final class ChurnCli {
  private ChurnCli() {}

  public static void main(String[] args) {}
}
