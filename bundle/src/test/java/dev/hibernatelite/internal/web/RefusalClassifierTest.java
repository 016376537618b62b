package dev.hibernatelite.internal.web;

import dev.hibernatelite.internal.web.Refusal.Kind;
import org.hibernate.HibernateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the classifier reads from the drivers' errors (messages as PostgreSQL and MariaDB write them). */
class RefusalClassifierTest {

    private static Refusal classify(Throwable failure) {
        return RefusalClassifier.classify(failure).orElseThrow();
    }

    @ParameterizedTest(name = "SQLState {0}, code {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "22001 | 0    | TOO_LONG",
            "22003 | 0    | OUT_OF_RANGE",
            "22007 | 0    | INVALID_DATETIME",
            "22008 | 0    | INVALID_DATETIME",
            "22021 | 0    | BAD_CHARACTER",
            "22P02 | 0    | INVALID_TEXT",
            "2201W | 0    | INVALID_VALUE",
            "23505 | 0    | UNIQUE",
            "23503 | 0    | FOREIGN_KEY",
            "23502 | 0    | NOT_NULL",
            "23514 | 0    | CHECK",
            "23P01 | 0    | EXCLUSION",
            "22001 | 1406 | TOO_LONG",
            "22003 | 1264 | OUT_OF_RANGE",
            "23000 | 1062 | UNIQUE",
            "23000 | 1452 | FOREIGN_KEY",
            "23000 | 1451 | FOREIGN_KEY",
            "23000 | 1048 | NOT_NULL"})
    void eachSqlStateAndVendorCodeHasItsKind(String state, int code, Kind kind) {
        assertThat(classify(new SQLException("refused", state, code)).kind()).isEqualTo(kind);
    }

    @Test
    void mariaDbsIncorrectStringValueNamesTheTableAndColumn() {
        Refusal refusal = classify(new DataException("could not execute statement", new SQLException(
                "(conn=7) Incorrect string value: '\\xF0\\x9F\\x98\\x80' for column `test`.`users`.`name` at row 1",
                "22007", 1366)));

        assertThat(refusal.kind()).isEqualTo(Kind.BAD_CHARACTER);
        assertThat(refusal.table()).isEqualTo("users");
        assertThat(refusal.column()).isEqualTo("name");
    }

    @Test
    void mariaDbsForeignKeyNamesTheTableConstraintAndColumn() {
        Refusal refusal = classify(new SQLException("(conn=9) Cannot add or update a child row: a foreign key constraint"
                + " fails (`test`.`posts`, CONSTRAINT `fk_posts_author` FOREIGN KEY (`author_id`) REFERENCES `users`"
                + " (`id`))", "23000", 1452));

        assertThat(refusal.table()).isEqualTo("posts");
        assertThat(refusal.constraint()).isEqualTo("fk_posts_author");
        assertThat(refusal.column()).isEqualTo("author_id");
    }

    @Test
    void aMixOfCollationsIsARefusalOnlyWhenOneSideIsAParameter() {
        SQLException parameter = new SQLException("Illegal mix of collations (utf8mb3_general_ci,IMPLICIT) and"
                + " (utf8mb4_general_ci,COERCIBLE) for operation 'like'", "HY000", 1267);
        SQLException columns = new SQLException("Illegal mix of collations (utf8mb3_general_ci,IMPLICIT) and"
                + " (latin1_swedish_ci,IMPLICIT) for operation '='", "HY000", 1267);

        assertThat(classify(parameter).kind()).isEqualTo(Kind.BAD_CHARACTER);
        assertThat(RefusalClassifier.classify(columns)).isEmpty();
    }

    @Test
    void postgresqlsUniqueViolationGivesTheColumnButNotTheValue() {
        Refusal refusal = classify(new ConstraintViolationException("could not execute statement", new SQLException(
                "ERROR: duplicate key value violates unique constraint \"uk_users_name\"\n  Detail: Key (name)=(ada)"
                        + " already exists.", "23505"), "insert into users (name) values (?)", "uk_users_name"));

        assertThat(refusal.constraint()).isEqualTo("uk_users_name");
        assertThat(refusal.column()).isEqualTo("name");
        assertThat(refusal.table()).isEqualTo("users");
    }

    @Test
    void theStatementsColumnsAreReadWhenTheDatabaseNamesNone() {
        Refusal refusal = classify(new DataException("JDBC exception executing SQL [select p1_0.id from posts p1_0"
                + " where p1_0.author_id=? and p1_0.created_at>=? order by p1_0.created_at desc]", new SQLException(
                "ERROR: timestamp out of range: \"300000-01-01 00:00:00+00\"", "22008")));

        assertThat(refusal.table()).isEqualTo("posts");
        assertThat(refusal.statementColumns()).containsExactly("author_id", "created_at");
    }

    @Test
    void hibernateReactivesNumberedParametersAreRead() {
        Refusal refusal = classify(new DataException("error", new SQLException("invalid byte sequence", "22021"),
                "select u1_0.id,u1_0.name from users u1_0 where u1_0.name like $1 escape '!'"));

        assertThat(refusal.statementColumns()).containsExactly("name");
    }

    @Test
    void aRefusalWrappedAsHibernateReactiveWrapsItIsFound() {
        HibernateException wrapped = new HibernateException(new CompletionException(new ConstraintViolationException(
                "x", new SQLException("duplicate", "23505"), "uk")));

        assertThat(classify(wrapped).kind()).isEqualTo(Kind.UNIQUE);
        assertThat(classify(wrapped).constraint()).isEqualTo("uk");
    }

    @Test
    void connectionFailuresAndOtherErrorsAreNotRefusals() {
        assertThat(RefusalClassifier.classify(new JDBCConnectionException("down",
                new SQLException("Connection refused", "08001")))).isEmpty();
        assertThat(RefusalClassifier.classify(new GenericJDBCException("syntax",
                new SQLException("syntax error", "42601")))).isEmpty();
        assertThat(RefusalClassifier.classify(new IllegalStateException("no SQL here"))).isEmpty();
    }
}
