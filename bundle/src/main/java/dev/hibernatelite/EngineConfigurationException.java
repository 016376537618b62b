package dev.hibernatelite;

import dev.hibernatelite.internal.message.Messages;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The database configuration cannot work: thrown at startup (and by the {@code db} commands)
 * with every problem found, each naming its YAML path and the fix. Nothing has been opened
 * when it is thrown.
 */
public final class EngineConfigurationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param problems one message per problem, each starting with its id and YAML path
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public EngineConfigurationException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * @param problem the one problem
     * @param cause what revealed it
     */
    public EngineConfigurationException(String problem, Throwable cause) {
        super(format(List.of(problem)), cause);
        this.problems = List.of(problem);
    }

    /** @return every problem, in the order found */
    public List<String> getProblems() {
        return problems;
    }

    private static String format(List<String> problems) {
        requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an EngineConfigurationException needs at least one problem");
        }
        StringBuilder sb = new StringBuilder(Messages.invalidConfiguration(problems.size()));
        for (String problem : problems) {
            sb.append("\n  * ").append(problem);
        }
        return sb.toString();
    }
}
