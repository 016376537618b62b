package dev.hibernatelite.testfixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Plain HTTP calls to an application under test, with the JDK client (real sockets, real aborts). */
public final class Http {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final int port;

    public Http(int port) {
        this.port = port;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path, DEFAULT_TIMEOUT).GET().build());
    }

    public HttpResponse<String> get(String path, String header, String value) {
        return send(request(path, DEFAULT_TIMEOUT).header(header, value).GET().build());
    }

    public HttpResponse<String> post(String path) {
        return send(request(path, DEFAULT_TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A GET that gives up (and closes its connection) after {@code timeout}. */
    public CompletableFuture<HttpResponse<String>> getAsync(String path, Duration timeout) {
        return client.sendAsync(request(path, timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST that gives up (and closes its connection) after {@code timeout}. */
    public CompletableFuture<HttpResponse<String>> postAsync(String path, Duration timeout) {
        return client.sendAsync(request(path, timeout).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
