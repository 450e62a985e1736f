package dev.churn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.churn.examples.cli.ProfileCommandTest.Run;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The top command: help, version, usage errors. */
class ChurnCliTest {

  @Test
  void help_listsTheCommands() {
    Run r = ProfileCommandTest.run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: churn").contains("profile").contains("--version");
  }

  @Test
  void help_ofProfileListsItsOptions() {
    Run r = ProfileCommandTest.run("profile", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--csv=FILE", "--html=FILE", "--json", "--sample-rows=N");
    assertThat(ProfileCommandTest.run("help", "profile").out()).contains("--csv=FILE");
  }

  @Test
  void version_namesChurnAndJava() {
    Run r = ProfileCommandTest.run("--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("churn ").contains("Java " + Runtime.version().feature());
  }

  @Test
  void noCommand_exitsTwoListingTheCommands() {
    Run r = ProfileCommandTest.run();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("churn: a command is missing").contains("profile");
  }

  @Test
  void unknownCommand_exitsTwo() {
    Run r = ProfileCommandTest.run("profil");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("churn: ").contains("profil");
  }

  @Test
  void textTable_alignsColumnsAndCutsLongCells() {
    StringWriter s = new StringWriter();
    new TextTable("name", "n")
        .alignRight(1)
        .maxWidth(8)
        .row("a", "1")
        .row("a very long name", "1,000")
        .print(new PrintWriter(s, true));
    assertThat(s.toString().lines())
        .containsExactly("name          n", "--------  -----", "a             1", "a ver...  1,000");
  }
}
