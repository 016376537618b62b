package dev.hibernatelite.it.dwh;

import dev.hibernatelite.testfixtures.Http;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.hibernatelite.testfixtures.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP contract of an application written for dropwizard-hibernate ({@code @UnitOfWork}
 * resources, {@code AbstractDAO}s, {@code UnitOfWorkAwareProxyFactory}): the same on
 * {@code HibernateBundle} and on this bundle, which is what lets such an application switch by
 * changing only its bundle.
 */
abstract class DropwizardHibernateContract {
    abstract Http http();

    abstract Janitor janitor();

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static long id(String json) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertThat(m.find()).as("an id in %s", json).isTrue();
        return Long.parseLong(m.group(1));
    }

    long createAuthor(String name) {
        HttpResponse<String> response = http().post("/authors?name=" + encode(name));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return id(response.body());
    }

    long countNamed(String name) {
        HttpResponse<String> response = http().get("/authors/count?name=" + encode(name));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Long.parseLong(response.body().trim());
    }

    @Test
    void aUnitOfWorkCommitsWhenTheMethodReturns() {
        String name = unique("ada");
        long id = createAuthor(name);

        HttpResponse<String> read = http().get("/authors/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"name\":\"" + name + "\"");
    }

    @Test
    void aUnitOfWorkRollsBackWhenTheMethodThrows() {
        String name = unique("changed-mind");

        assertThat(http().post("/authors/failing?name=" + encode(name)).statusCode()).isEqualTo(409);
        assertThat(countNamed(name)).isZero();
    }

    @Test
    void aMissingRowAnswers404() {
        assertThat(http().get("/authors/987654321").statusCode()).isEqualTo(404);
    }

    @Test
    void aReadOnlyUnitListsWhatWasCommitted() {
        String first = unique("aa-first");
        String second = unique("ab-second");
        createAuthor(second);
        createAuthor(first);

        String body = http().get("/authors").body();
        assertThat(body.indexOf(first)).isNotNegative().isLessThan(body.indexOf(second));
    }

    @Test
    void aChangeToAnEntityInAReadOnlyUnitIsNotSaved() {
        String name = unique("steady");
        long id = createAuthor(name);

        assertThat(http().post("/authors/" + id + "/rename-read-only?name=" + encode(unique("renamed"))).statusCode())
                .isEqualTo(200);

        assertThat(http().get("/authors/" + id).body()).contains("\"name\":\"" + name + "\"");
    }

    @Test
    void aChangeToAnEntityInAUnitOfWorkIsSavedWithoutAnyCallToSave() {
        long id = createAuthor(unique("before"));
        String renamed = unique("after");

        assertThat(http().post("/authors/" + id + "/rename?name=" + encode(renamed)).statusCode()).isEqualTo(200);

        assertThat(http().get("/authors/" + id).body()).contains("\"name\":\"" + renamed + "\"");
    }

    @Test
    void aNonTransactionalUnitReads() {
        String name = unique("counted");
        createAuthor(name);

        assertThat(countNamed(name)).isEqualTo(1);
    }

    @Test
    void aLazyAssociationIsLoadedWhileTheResponseIsWritten() {
        String name = unique("lazy-author");
        long author = createAuthor(name);
        HttpResponse<String> created = http().post("/books?author=" + author + "&title=" + encode("Notes"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

        HttpResponse<String> book = http().get("/books/" + id(created.body()));
        assertThat(book.statusCode()).isEqualTo(200);
        assertThat(book.body()).contains("\"title\":\"Notes\"").contains("\"name\":\"" + name + "\"");
    }

    @Test
    void aCommitThatFailsAnswersAnErrorAndSavesNothing() {
        String name = unique("twin");
        createAuthor(name);

        // the duplicate is inserted at the commit, after the method returned
        int status = http().post("/authors?name=" + encode(name)).statusCode();
        assertThat(status).isGreaterThanOrEqualTo(400);
        assertThat(countNamed(name)).isEqualTo(1);
    }

    @Test
    void backgroundWorkThroughTheProxyFactoryCommitsOutsideRequests() {
        String name = unique("janitor");

        Author added = janitor().addAuthor(name);

        assertThat(added.getId()).isNotNull();
        assertThat(countNamed(name)).isEqualTo(1);
    }
}
