package dev.churn.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnvironmentTest {

  @Test
  void current_fromClasses_reportsJvmAndDevVersion() {
    Environment env = Environment.current();

    // Tests run from target/classes, which has no manifest with an Implementation-Version.
    assertThat(env.churnVersion()).isEqualTo(Environment.DEV_VERSION);
    assertThat(env.javaVersion()).isEqualTo(System.getProperty("java.version"));
    assertThat(env.javaVendor()).isEqualTo(System.getProperty("java.vendor"));
    assertThat(env.osName()).isEqualTo(System.getProperty("os.name"));
    assertThat(env.osArch()).isEqualTo(System.getProperty("os.arch"));
    assertThat(env.osVersion()).isEqualTo(System.getProperty("os.version"));
    assertThat(env.availableProcessors()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void constructor_zeroProcessors_throws() {
    assertThatThrownBy(() -> new Environment("dev", "17", "v", "Linux", "amd64", "6", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("availableProcessors must be at least 1, but was 0");
  }
}
