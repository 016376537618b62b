package dev.hibernatelite.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A small subset of Mustache, enough for the reports' Markdown templates (resources under
 * {@code /report/}):
 *
 * <ul>
 *   <li>{@code {{name}}}, {@code {{a.b}}}: a value, looked up in the current context, then in the
 *       enclosing ones; {@code {{.}}} is the current context itself. Nothing is escaped (the output is
 *       Markdown). A name found nowhere is an error, so a typo in a template fails the run instead of
 *       leaving a hole; a name present with a null value renders as nothing.</li>
 *   <li>{@code {{#name}}...{{/name}}}: a list renders its body once per element (the element becomes
 *       the context); {@code true} or any other present value renders it once (a map or record becomes
 *       the context); {@code false}, null, an empty list or empty string, or a missing name, not at
 *       all.</li>
 *   <li>{@code {{^name}}...{{/name}}}: the body when {@code {{#name}}} would render nothing.</li>
 *   <li>{@code {{! comment }}}.</li>
 * </ul>
 *
 * <p>A line holding only a section tag or a comment (and blanks) disappears with its line break, so
 * sections can sit on lines of their own. Contexts are maps, lists, records and plain values.
 */
public final class Template {
    private sealed interface Node permits Text, Variable, Section {
    }

    private record Text(String text) implements Node {
    }

    private record Variable(String name) implements Node {
    }

    private record Section(String name, boolean inverted, List<Node> body) implements Node {
    }

    private static final Object MISSING = new Object();

    private final String name;
    private final List<Node> nodes;

    private Template(String name, List<Node> nodes) {
        this.name = name;
        this.nodes = nodes;
    }

    /** @return the template in resource {@code /report/<name>} */
    public static Template resource(String name) throws IOException {
        try (InputStream in = Template.class.getResourceAsStream("/report/" + name)) {
            if (in == null) {
                throw new IOException("missing template resource /report/" + name);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** @return the parsed template */
    public static Template parse(String name, String text) {
        Deque<Section> open = new ArrayDeque<>();
        List<Node> top = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int start = text.indexOf("{{", pos);
            if (start < 0) {
                add(open, top, new Text(text.substring(pos)));
                break;
            }
            int end = text.indexOf("}}", start);
            if (end < 0) {
                throw new IllegalArgumentException(name + ": unclosed tag at offset " + start);
            }
            String tag = text.substring(start + 2, end).strip();
            char kind = tag.isEmpty() ? ' ' : tag.charAt(0);
            boolean block = kind == '#' || kind == '^' || kind == '/' || kind == '!';
            int textEnd = start;
            int next = end + 2;
            if (block) {
                // A standalone tag takes its whole line with it.
                int lineStart = text.lastIndexOf('\n', start - 1) + 1;
                int lineEnd = text.indexOf('\n', next);
                lineEnd = lineEnd < 0 ? text.length() : lineEnd;
                if (text.substring(lineStart, start).isBlank() && text.substring(next, lineEnd).isBlank()
                        && lineStart >= pos) {
                    textEnd = lineStart;
                    next = Math.min(text.length(), lineEnd + 1);
                }
            }
            if (textEnd > pos) {
                add(open, top, new Text(text.substring(pos, textEnd)));
            }
            pos = next;
            switch (kind) {
                case '!' -> { }
                case '#', '^' -> {
                    Section s = new Section(tag.substring(1).strip(), kind == '^', new ArrayList<>());
                    add(open, top, s);
                    open.push(s);
                }
                case '/' -> {
                    String closing = tag.substring(1).strip();
                    if (open.isEmpty() || !open.peek().name().equals(closing)) {
                        throw new IllegalArgumentException(name + ": {{/" + closing + "}} closes "
                                + (open.isEmpty() ? "nothing" : "{{#" + open.peek().name() + "}}"));
                    }
                    open.pop();
                }
                default -> add(open, top, new Variable(tag));
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException(name + ": {{#" + open.peek().name() + "}} is never closed");
        }
        return new Template(name, top);
    }

    private static void add(Deque<Section> open, List<Node> top, Node node) {
        (open.isEmpty() ? top : open.peek().body()).add(node);
    }

    /** @return the template filled from {@code context} */
    public String render(Object context) {
        StringBuilder out = new StringBuilder();
        Deque<Object> stack = new ArrayDeque<>();
        stack.push(context);
        render(nodes, stack, out);
        return out.toString();
    }

    private void render(List<Node> body, Deque<Object> stack, StringBuilder out) {
        for (Node node : body) {
            if (node instanceof Text t) {
                out.append(t.text());
            } else if (node instanceof Variable v) {
                Object value = lookup(stack, v.name());
                if (value == MISSING) {
                    throw new IllegalArgumentException(name + ": no value for {{" + v.name() + "}}");
                }
                out.append(value == null ? "" : value);
            } else if (node instanceof Section s) {
                Object value = lookup(stack, s.name());
                boolean empty = value == MISSING || value == null || Boolean.FALSE.equals(value)
                        || value instanceof Collection<?> c && c.isEmpty() || "".equals(value);
                if (s.inverted()) {
                    if (empty) {
                        render(s.body(), stack, out);
                    }
                } else if (!empty) {
                    Collection<?> items = value instanceof Collection<?> c ? c : List.of(value);
                    for (Object item : items) {
                        stack.push(Boolean.TRUE.equals(item) ? stack.peek() : item);
                        render(s.body(), stack, out);
                        stack.pop();
                    }
                }
            }
        }
    }

    private static Object lookup(Deque<Object> stack, String name) {
        if (name.equals(".")) {
            return stack.peek();
        }
        String[] parts = name.split("\\.");
        Object value = MISSING;
        for (Object context : stack) {
            value = property(context, parts[0]);
            if (value != MISSING) {
                break;
            }
        }
        for (int i = 1; i < parts.length && value != MISSING && value != null; i++) {
            value = property(value, parts[i]);
        }
        return value;
    }

    private static Object property(Object context, String key) {
        if (context instanceof Map<?, ?> m) {
            return m.containsKey(key) ? m.get(key) : MISSING;
        }
        if (context != null && context.getClass().isRecord()) {
            for (RecordComponent c : context.getClass().getRecordComponents()) {
                if (c.getName().equals(key)) {
                    try {
                        return c.getAccessor().invoke(context);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return MISSING;
    }
}
