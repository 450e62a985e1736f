package dev.churn.features.kkbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.churn.core.table.Table;
import dev.churn.features.FeatureStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KkboxFeaturesTest {
  @TempDir Path dir;

  @Test
  void compute_defaultFeatureSetOnePerMember() throws IOException {
    Path members = dir.resolve("members.csv");
    Files.writeString(members, """
        msno,city,bd,gender,registered_via,registration_init_time
        A,1,25,male,7,20150101
        B,13,-7,,9,20160301
        C,5,0,female,3,20170401
        """);
    Path tx = dir.resolve("transactions.csv");
    Files.writeString(tx, """
        msno,payment_method_id,payment_plan_days,plan_list_price,actual_amount_paid,is_auto_renew,transaction_date,membership_expire_date,is_cancel
        A,41,30,149,149,1,20170115,20170215,0
        A,41,30,149,119,1,20170215,20170315,0
        A,41,30,149,119,1,20170215,20170315,0
        B,38,30,180,180,0,20161201,20170101,0
        B,38,30,180,180,0,20161215,20161220,1
        """);
    Path logs = dir.resolve("user_logs.csv");
    Files.writeString(logs, """
        msno,date,num_25,num_50,num_75,num_985,num_100,num_unq,total_secs
        A,20170228,1,0,0,0,10,8,2000.5
        A,20170228,0,0,0,0,5,3,100
        A,20170210,2,1,0,0,4,4,900
        A,20170129,0,0,0,0,50,40,9999
        A,20170301,0,0,0,0,99,1,1
        B,20170220,0,0,0,0,1,1,-9223372036854775.0
        """);
    try (BufferAllocator allocator = new RootAllocator()) {
      try (FeatureStore store =
              FeatureStore.builder().home(dir.resolve("home")).allocator(allocator).open();
          KkboxFeatures.Result r = KkboxFeatures.builder().members(members).transactions(tx)
              .userLogs(logs).build().compute(store, LocalDate.of(2017, 3, 1))) {
        Table f = r.features();
        assertThat(f.schema().names().get(0)).isEqualTo("msno");
        assertThat(f.rowCount()).isEqualTo(3);
        assertThat(f.column("msno").format(0)).isEqualTo("A");
        // A: two log days in [2017-01-30, 2017-03-01); 2017-01-29 and 2017-03-01 are outside
        assertThat(f.numeric("days_active_30d").toArray()).containsExactly(2, 1, 0);
        assertThat(f.numeric("num_100_30d").toArray()).containsExactly(19, 1, 0);
        assertThat(f.numeric("total_secs_30d").get(0)).isCloseTo(3000.5, within(1e-9));
        assertThat(f.numeric("total_secs_30d").get(1)).isZero(); // the outlier was cleaned
        assertThat(f.numeric("days_since_last_log").get(0)).isEqualTo(1);
        assertThat(f.numeric("days_since_last_log").get(2)).isNaN();
        // transactions: the duplicate is dropped; latest A transaction expires 2017-03-15
        assertThat(f.numeric("transactions_365d").toArray()).containsExactly(2, 2, 0);
        assertThat(f.numeric("days_to_expiry").get(0)).isEqualTo(14);
        assertThat(f.numeric("discount_last").get(0)).isEqualTo(30);
        assertThat(f.numeric("cancels_365d").get(1)).isEqualTo(1);
        assertThat(f.numeric("renewals_365d").get(1)).isEqualTo(1);
        assertThat(f.numeric("cancel_last").get(1)).isEqualTo(1);
        assertThat(f.numeric("days_to_expiry").get(1)).isEqualTo(-71);
        // membership: bd -7 cleaned to missing; C registered after the as-of date
        assertThat(f.numeric("bd").get(0)).isEqualTo(25);
        assertThat(f.numeric("bd").get(1)).isNaN();
        assertThat(f.column("city").format(1)).isEqualTo("13");
        assertThat(f.numeric("days_since_registration_init_time").get(0)).isEqualTo(790);
        assertThat(f.column("city").isMissing(2)).isTrue();
        assertThat(r.seconds()).containsKeys("ingest", "listening", "transactions", "membership",
            "join");
        assertThat(r.cleaning()).hasSize(3);
        assertThat(r.cleaning().get(1).rowsRead() - r.cleaning().get(1).rowsKept()).isEqualTo(1);
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }
}
