package dev.amlsh.workspace.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.model.AmlshException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace URL and where the login comes from, pinned to libpq's documented rules
 * (PostgreSQL manual 34.1.1 "Connection Strings", 34.15 "Environment Variables", 34.16 "The
 * Password File"), which pgjdbc 42.7 does not apply itself.
 */
class PostgresLocationTest {

    @TempDir
    Path dir;

    @Test
    void theUrlFormsAmlshTakes() {
        assertThat(PostgresLocation.parse("postgresql://alice@db.example.org:6543/team?schema=course"))
                .isEqualTo(new PostgresLocation("alice", "db.example.org", 6543, "team", "course"));
        assertThat(PostgresLocation.parse("postgresql://localhost/amlsh"))
                .isEqualTo(new PostgresLocation(null, "localhost", null, "amlsh", "public"));
        assertThat(PostgresLocation.parse("postgres://[::1]:5433/db"))
                .isEqualTo(new PostgresLocation(null, "::1", 5433, "db", "public"));
        assertThat(PostgresLocation.parse("postgresql://bob%40corp@h/db").user())
                .isEqualTo("bob@corp");
        assertThat(PostgresLocation.parse("postgresql://alice@h:6543/team?schema=course")
                        .display())
                .isEqualTo("postgresql://alice@h:6543/team?schema=course");
        assertThat(PostgresLocation.parse("postgresql://h/db").jdbcUrl(5432))
                .isEqualTo("jdbc:postgresql://h:5432/db?currentSchema=public");
    }

    @Test
    void aUrlIsRecognisedBeforeTheSlashMeansAFileRule() {
        assertThat(PostgresLocation.isUrl("postgresql://h/db")).isTrue();
        assertThat(PostgresLocation.isUrl("PostgreSQL://h/db")).isTrue();
        assertThat(PostgresLocation.isUrl("./postgresql/ws.amlsh")).isFalse();
        assertThat(PostgresLocation.isUrl("team")).isFalse();
    }

    @Test
    void aPasswordOnTheCommandLineIsRefusedAndNeverEchoed() {
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://alice:hunter2@h/db"))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("never accepted on the command line")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://alice@h/db?password=hunter2"))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("never accepted")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void badUrlsSayWhatIsExpected() {
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://h"))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("postgresql://[USER@]HOST[:PORT]/DB[?schema=S]");
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://h:99999/db"))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("'99999' is not a port");
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://h/db?sslmode=require"))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("takes only ?schema=NAME");
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://h/db?schema=a;drop"))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("not a schema amlsh uses");
    }

    @Test
    void theUserIsTheUrlsThenPguserThenTheLoginName() {
        PostgresLocation withUser = PostgresLocation.parse("postgresql://alice@h/db");
        PostgresLocation without = PostgresLocation.parse("postgresql://h/db");
        assertThat(PostgresCredentials.resolve(withUser, Map.of("PGUSER", "bob", "HOME", dir.toString()))
                        .user())
                .isEqualTo("alice");
        assertThat(PostgresCredentials.resolve(without, Map.of("PGUSER", "bob", "HOME", dir.toString()))
                        .user())
                .isEqualTo("bob");
        assertThat(PostgresCredentials.resolve(without, Map.of("HOME", dir.toString()))
                        .user())
                .isEqualTo(System.getProperty("user.name"));
        assertThat(without.effectivePort(Map.of("PGPORT", "6000"))).isEqualTo(6000);
        assertThat(PostgresLocation.parse("postgresql://h:7000/db").effectivePort(Map.of("PGPORT", "6000")))
                .isEqualTo(7000);
    }

    @Test
    void thePasswordIsPgpasswordElseTheFirstMatchingPgpassLine() throws IOException {
        Path pgpass = dir.resolve(".pgpass");
        Files.writeString(
                pgpass,
                String.join("\n", "# comment", "other:*:*:*:nope", "h:5432:db:alice:first\\:part", "*:*:*:*:fallback")
                        + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        PostgresLocation loc = PostgresLocation.parse("postgresql://alice@h/db");
        Map<String, String> home = Map.of("HOME", dir.toString());

        PostgresCredentials fromFile = PostgresCredentials.resolve(loc, home);
        assertThat(fromFile.password()).isEqualTo("first:part");
        assertThat(fromFile.toString()).doesNotContain("first:part");
        assertThat(PostgresCredentials.resolve(PostgresLocation.parse("postgresql://bob@h/db"), home)
                        .password())
                .isEqualTo("fallback");
        assertThat(PostgresCredentials.resolve(loc, Map.of("HOME", dir.toString(), "PGPASSWORD", "env"))
                        .password())
                .isEqualTo("env");
        Path elsewhere = dir.resolve("passfile");
        Files.writeString(elsewhere, "*:*:*:alice:from-pgpassfile\n");
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-------"));
        assertThat(PostgresCredentials.resolve(loc, Map.of("PGPASSFILE", elsewhere.toString()))
                        .password())
                .isEqualTo("from-pgpassfile");
    }

    @Test
    void aPgpassThatOthersCanReadIsIgnoredAndTheReasonKept() throws IOException {
        Path pgpass = dir.resolve(".pgpass");
        Files.writeString(pgpass, "*:*:*:*:secret\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        PostgresCredentials c = PostgresCredentials.resolve(
                PostgresLocation.parse("postgresql://h/db"), Map.of("HOME", dir.toString()));
        assertThat(c.password()).isNull();
        assertThat(c.passwordSource()).contains("group or others can read it").contains("chmod 600");
    }

    @Test
    void pgpassFieldsFollowLibpq() {
        List<String> want = List.of("h", "5432", "db", "u");
        assertThat(PostgresCredentials.match("h:5432:db:u:pw", want)).isEqualTo("pw");
        assertThat(PostgresCredentials.match("*:*:db:*:pw", want)).isEqualTo("pw");
        assertThat(PostgresCredentials.match("h:5433:db:u:pw", want)).isNull();
        assertThat(PostgresCredentials.match("h:5432:db:u", want)).isNull();
        assertThat(PostgresCredentials.match("h:5432:db:u:a\\\\b", want)).isEqualTo("a\\b");
    }
}
