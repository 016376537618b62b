package dev.hibernatelite.testfixtures;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback TCP relay in front of PostgreSQL that reads the frontend side of the wire protocol
 * (v3) and counts what the server is asked to do: round trips and statement executions by SQL
 * text (Execute of a portal bound to a parsed statement, or a simple Query).
 *
 * <p>A round trip is one flight of client messages: what the client had sent when the relay has
 * read everything available on its socket. The driver writes a whole request (for example
 * {@code BEGIN} pipelined with a query and its Sync) in one write and then waits for the answer,
 * so each flight is one wait for the server. Bytes are relayed unchanged except SSL/GSS encryption requests, which the relay
 * declines itself so the session stays readable.
 *
 * <p>For the project's own measurements (tests, benchmarks): it listens on 127.0.0.1 and relays to the
 * configured database only.
 */
public final class PgWireCounter implements AutoCloseable {
    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;
    private static final int CANCEL_REQUEST = 80877102;

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger sessions = new AtomicInteger();

    private final LongAdder flights = new LongAdder();
    private final LongAdder syncs = new LongAdder();
    private final LongAdder simpleQueries = new LongAdder();
    private final LongAdder executes = new LongAdder();
    private final LongAdder parses = new LongAdder();
    private final Map<String, LongAdder> executedByText = new ConcurrentHashMap<>();

    /**
     * @param listenPort port to listen on at 127.0.0.1, 0 for any free one
     */
    public PgWireCounter(String targetHost, int targetPort, int listenPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        this.server.setReuseAddress(true);
        this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort));
        Thread acceptor = new Thread(this::acceptLoop, "pg-wire-counter-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the port the relay listens on */
    public int port() {
        return server.getLocalPort();
    }

    /** @return sessions (client connections) relayed so far */
    public int sessions() {
        return sessions.get();
    }

    /** Forgets everything counted so far. */
    public void reset() {
        flights.reset();
        syncs.reset();
        simpleQueries.reset();
        executes.reset();
        parses.reset();
        executedByText.clear();
    }

    /** What the server was asked to do since the last {@link #reset()}. */
    public record Counts(long roundTrips, long syncs, long simpleQueries, long executes, long parses,
                         Map<String, Long> executedByText) {

        /** @return statements executed: extended-protocol Executes plus simple Queries */
        public long statements() {
            return executes + simpleQueries;
        }
    }

    /** @return the counts since the last {@link #reset()} */
    public Counts counts() {
        Map<String, Long> byText = new TreeMap<>();
        executedByText.forEach((k, v) -> byText.put(k, v.sum()));
        return new Counts(flights.sum(), syncs.sum(), simpleQueries.sum(), executes.sum(), parses.sum(), byText);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeQuietly(server);
            sockets.forEach(PgWireCounter::closeQuietly);
        }
    }

    private void acceptLoop() {
        while (!closed.get()) {
            try {
                Socket client = server.accept();
                Socket backend;
                try {
                    backend = new Socket(targetHost, targetPort);
                } catch (IOException e) {
                    closeQuietly(client);
                    throw e;
                }
                client.setTcpNoDelay(true);
                backend.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(backend);
                sessions.incrementAndGet();
                start("pg-wire-counter-up", () -> frontendToBackend(client, backend));
                start("pg-wire-counter-down", () -> copy(backend, client));
            } catch (IOException e) {
                if (!closed.get()) {
                    System.err.println("pg-wire-counter: " + e);
                }
            }
        }
    }

    private static void start(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    private void frontendToBackend(Socket client, Socket backend) {
        Map<String, String> statements = new ConcurrentHashMap<>();
        Map<String, String> portals = new ConcurrentHashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream(), 1 << 16));
             OutputStream toClient = client.getOutputStream();
             OutputStream out = backend.getOutputStream()) {
            // Untyped startup phase: encryption requests, then the startup or cancel message.
            while (true) {
                int length = in.readInt();
                byte[] body = new byte[length - 4];
                in.readFully(body);
                int code = ByteBuffer.wrap(body).getInt();
                if (code == SSL_REQUEST || code == GSSENC_REQUEST) {
                    toClient.write('N');
                    toClient.flush();
                    continue;
                }
                out.write(ByteBuffer.allocate(4).putInt(length).array());
                out.write(body);
                out.flush();
                if (code == CANCEL_REQUEST) {
                    return;
                }
                break;
            }
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                int length = in.readInt();
                byte[] body = new byte[length - 4];
                in.readFully(body);
                count((char) type, body, statements, portals);
                // Decided before forwarding: once the server has the message it may answer, and
                // the client's next request could already be waiting here.
                boolean endOfFlight = in.available() == 0;
                out.write(type);
                out.write(ByteBuffer.allocate(4).putInt(length).array());
                out.write(body);
                if (endOfFlight) {
                    out.flush();
                    if (type != 'X') {
                        flights.increment();
                    }
                }
            }
        } catch (EOFException e) {
            // client went away
        } catch (IOException e) {
            if (!closed.get() && !client.isClosed()) {
                System.err.println("pg-wire-counter: " + e);
            }
        } finally {
            closeQuietly(client);
            closeQuietly(backend);
        }
    }

    private void count(char type, byte[] body, Map<String, String> statements, Map<String, String> portals) {
        switch (type) {
            case 'Q' -> {
                simpleQueries.increment();
                executedByText.computeIfAbsent(normalize(cString(body, 0)), k -> new LongAdder()).increment();
            }
            case 'P' -> {
                parses.increment();
                String name = cString(body, 0);
                String sql = cString(body, name.getBytes(StandardCharsets.UTF_8).length + 1);
                statements.put(name, normalize(sql));
            }
            case 'B' -> {
                String portal = cString(body, 0);
                String statement = cString(body, portal.getBytes(StandardCharsets.UTF_8).length + 1);
                portals.put(portal, statements.getOrDefault(statement, "<unknown statement>"));
            }
            case 'E' -> {
                executes.increment();
                String sql = portals.getOrDefault(cString(body, 0), "<unknown portal>");
                executedByText.computeIfAbsent(sql, k -> new LongAdder()).increment();
            }
            case 'S' -> syncs.increment();
            default -> {
                // Describe, Close, Flush, Terminate, password...: not counted
            }
        }
    }

    private static String normalize(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.isEmpty() ? "<empty query>" : s;
    }

    private static String cString(byte[] body, int offset) {
        int end = offset;
        while (end < body.length && body[end] != 0) {
            end++;
        }
        return new String(body, offset, end - offset, StandardCharsets.UTF_8);
    }

    private void copy(Socket from, Socket to) {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // ignore
        }
    }
}
