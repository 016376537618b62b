package dev.hibernatelite;

import dev.hibernatelite.internal.config.DatabaseVendor;
import dev.hibernatelite.internal.config.JdbcUrls;
import dev.hibernatelite.internal.message.Secrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the bundle knows about a JDBC URL without connecting. */
class JdbcUrlsTest {

    // ---- masking ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://db/app?user=app&password=s3cret&ssl=true | jdbc:postgresql://db/app?user=app&password=****&ssl=true",
            "jdbc:postgresql://db/app?password=s3cret                   | jdbc:postgresql://db/app?password=****",
            "jdbc:postgresql://db/app?sslpassword=s3cret&ssl=true       | jdbc:postgresql://db/app?sslpassword=****&ssl=true",
            "jdbc:sqlserver://db;user=app;PWD=s3cret;database=app       | jdbc:sqlserver://db;user=app;PWD=****;database=app",
            "jdbc:odbc:app;UID=app;pwd=s3cret                           | jdbc:odbc:app;UID=app;pwd=****",
            "jdbc:mysql://app:s3cret@db:3306/app                        | jdbc:mysql://app:****@db:3306/app",
            "jdbc:mysql://app:s3@cret@db:3306/app                       | jdbc:mysql://app:****@db:3306/app",
            "jdbc:h2:mem:app;USER=sa;PASSWORD=s3cret                    | jdbc:h2:mem:app;USER=sa;PASSWORD=****",
            "jdbc:h2:./data/app;PASSWORD=s3cret;MODE=PostgreSQL         | jdbc:h2:./data/app;PASSWORD=****;MODE=PostgreSQL",
            "jdbc:h2:mem:app;password=s3cret                            | jdbc:h2:mem:app;password=****",
            "jdbc:oracle:thin:app/s3cret@db:1521/svc                    | jdbc:oracle:thin:app/****@db:1521/svc",
            "jdbc:snowflake://acct.example/?token=s3cret&db=app         | jdbc:snowflake://acct.example/?token=****&db=app",
            "postgres://app:s3cret@db/app                               | postgres://app:****@db/app",
    })
    void everyPasswordFormIsMasked(String url, String masked) {
        assertThat(Secrets.mask(url)).isEqualTo(masked).doesNotContain("s3cret");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "jdbc:postgresql://db:5432/app?user=app&ssl=true",
            "jdbc:h2:mem:tokens;MODE=PostgreSQL",
            "jdbc:h2:./data/secrets/app",
            "jdbc:mariadb://db/app",
            "jdbc:h2:mem:",
    })
    void aUrlWithoutSecretsIsUnchanged(String url) {
        assertThat(Secrets.mask(url)).isEqualTo(url);
    }

    @Test
    void maskingNullGivesNull() {
        assertThat(Secrets.mask(null)).isNull();
    }

    // ---- vendors ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "jdbc:postgresql://db/app,      POSTGRESQL",
            "JDBC:PostgreSQL://db/app,      POSTGRESQL",
            "jdbc:mariadb://db/app,         MARIADB",
            "jdbc:mysql://db/app,           MYSQL",
            "jdbc:h2:mem:app,               H2",
            "jdbc:h2:./data/app,            H2",
            "jdbc:sqlserver://db,           OTHER",
            "jdbc:postgres://db/app,        OTHER",
    })
    void theVendorIsJudgedByTheUrlPrefix(String url, DatabaseVendor vendor) {
        assertThat(JdbcUrls.vendorOf(url)).isEqualTo(vendor);
    }

    @Test
    void onlyMySqlAndMariaDbAreTheMySqlFamily() {
        assertThat(DatabaseVendor.values()).filteredOn(DatabaseVendor::isMySqlFamily)
                .containsExactlyInAnyOrder(DatabaseVendor.MYSQL, DatabaseVendor.MARIADB);
    }

    // ---- H2 in-memory databases ------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "jdbc:h2:mem:                       | jdbc:h2:mem:unique-1;DB_CLOSE_DELAY=-1",
            "jdbc:h2:mem:;MODE=PostgreSQL       | jdbc:h2:mem:unique-1;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
            "jdbc:h2:mem:blog                   | jdbc:h2:mem:blog;DB_CLOSE_DELAY=-1",
            "jdbc:h2:mem:blog;MODE=MySQL        | jdbc:h2:mem:blog;MODE=MySQL;DB_CLOSE_DELAY=-1",
            "JDBC:H2:MEM:blog                   | JDBC:H2:MEM:blog;DB_CLOSE_DELAY=-1",
    })
    void anInMemoryDatabaseIsNamedAndLivesAsLongAsTheEngine(String url, String forEngine) {
        assertThat(JdbcUrls.h2MemoryForApplicationLifetime(url, "unique-1")).isEqualTo(forEngine);
        assertThat(JdbcUrls.needsShutdownOnClose(url)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jdbc:h2:mem:blog;DB_CLOSE_DELAY=10", "jdbc:h2:mem:blog;db_close_delay=0"})
    void anInMemoryDatabaseWithItsOwnCloseDelayKeepsItAndIsNotShutDownByTheEngine(String url) {
        assertThat(JdbcUrls.h2MemoryForApplicationLifetime(url, "unique-1")).isEqualTo(url);
        assertThat(JdbcUrls.needsShutdownOnClose(url)).isFalse();
    }

    @Test
    void anUnnamedInMemoryDatabaseWithItsOwnCloseDelayStillGetsAName() {
        assertThat(JdbcUrls.h2MemoryForApplicationLifetime("jdbc:h2:mem:;DB_CLOSE_DELAY=5", "unique-1"))
                .isEqualTo("jdbc:h2:mem:unique-1;DB_CLOSE_DELAY=5");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jdbc:h2:./data/blog", "jdbc:h2:tcp://db/blog", "jdbc:postgresql://db/mem:x",
            "jdbc:h2:file:./mem"})
    void aUrlThatIsNotH2InMemoryIsUnchangedAndNotShutDown(String url) {
        assertThat(JdbcUrls.h2MemoryForApplicationLifetime(url, "unique-1")).isEqualTo(url);
        assertThat(JdbcUrls.needsShutdownOnClose(url)).isFalse();
    }

    // ---- suggestions for URLs without jdbc: ------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "postgres://db:5432/app                  | jdbc:postgresql://db:5432/app",
            "postgresql://db/app?ssl=true            | jdbc:postgresql://db/app?ssl=true",
            "postgres://app:s3cret@db/app            | jdbc:postgresql://db/app",
            "postgres://app:s3@cret@db/app           | jdbc:postgresql://db/app",
            "postgres://db/app?password=s3cret       | jdbc:postgresql://db/app?password=****",
            "mysql://db/app                          | jdbc:mysql://db/app",
            "h2:./data/app                           | jdbc:h2:./data/app",
            "cockroach://db/app                      | jdbc:cockroach://db/app",
    })
    void aUrlWithoutJdbcSuggestsTheJdbcFormWithoutSecrets(String url, String suggestion) {
        assertThat(JdbcUrls.suggestJdbcUrl(url)).contains(suggestion);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"localhost:5432/app", "./data/app", "jdbc:", "app"})
    void aUrlWithoutARecognisableSchemeGetsNoSuggestion(String url) {
        assertThat(JdbcUrls.suggestJdbcUrl(url)).isEmpty();
    }

    // ---- passwords taken out of the URL ----------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "jdbc:h2:mem:app;USER=sa;PASSWORD=s3cret          | jdbc:h2:mem:app;USER=sa                  | s3cret",
            "jdbc:h2:./data/app;password=s3cret;MODE=MySQL    | jdbc:h2:./data/app;MODE=MySQL            | s3cret",
            "jdbc:postgresql://db/app?user=app&password=s3cret&ssl=true | jdbc:postgresql://db/app?user=app&ssl=true | s3cret",
            "jdbc:postgresql://db/app?password=s3cret         | jdbc:postgresql://db/app                 | s3cret",
            "jdbc:postgresql://db/app?password=s3cret&ssl=true | jdbc:postgresql://db/app?ssl=true       | s3cret",
            "jdbc:postgresql://db/app?password=a%40b%26c      | jdbc:postgresql://db/app                 | a@b&c",
    })
    void aPasswordTheDriverReadsFromTheUrlIsTakenOutOfIt(String url, String without, String password) {
        JdbcUrls.UrlAndPassword split = JdbcUrls.takePassword(url);

        assertThat(split.url()).isEqualTo(without);
        assertThat(split.password()).isEqualTo(password);
        assertThat(split.toString()).doesNotContain(password);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "jdbc:postgresql://db/app?user=app",
            "jdbc:postgresql://db/app?sslpassword=x",
            "jdbc:mariadb://db/app?password=s3cret",
            "jdbc:mysql://app:s3cret@db/app",
            "jdbc:h2:mem:app;PASSWORD=a;PASSWORD=b",
            "jdbc:h2:mem:app",
    })
    void otherUrlsAreLeftAsWritten(String url) {
        JdbcUrls.UrlAndPassword split = JdbcUrls.takePassword(url);

        assertThat(split.url()).isEqualTo(url);
        assertThat(split.password()).isNull();
    }
}
