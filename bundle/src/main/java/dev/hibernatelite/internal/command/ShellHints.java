package dev.hibernatelite.internal.command;

import dev.hibernatelite.internal.config.EntityBindings;
import dev.hibernatelite.internal.context.WrongEngine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * JShell's error channel in {@code db shell}, passed through line by line: after a line that
 * reports Hibernate's bare "unknown entity" (an entity asked of another engine's session), the
 * line that says which engine owns it (HL231), as requests log it.
 *
 * <p>Internal: not part of the public API.
 */
final class ShellHints extends OutputStream {
    private final OutputStream out;
    private final EntityBindings bindings;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    ShellHints(OutputStream out, EntityBindings bindings) {
        this.out = out;
        this.bindings = bindings;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        out.write(b);
        if (b == '\n') {
            Optional<String> hint = WrongEngine.explainText(line.toString(StandardCharsets.UTF_8), bindings);
            line.reset();
            if (hint.isPresent()) {
                out.write(("|  " + hint.get() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }
}
