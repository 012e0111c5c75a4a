package dev.app09.graph.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.graph.BadInputException;
import java.util.List;

/** What every refusal of a JSON file promises: the source, line and column, what was expected, and no stack trace. */
final class JsonRefusals {

    private JsonRefusals() {
    }

    static void assertRefused(Throwable thrown, String source, int line, int column, String expected) {
        assertThat(thrown).isInstanceOf(BadInputException.class);
        BadInputException e = (BadInputException) thrown;
        assertThat(e.source()).isEqualTo(source);
        assertThat(List.of(e.line(), e.column())).as("line and column of " + e.getMessage()).containsExactly(line, column);
        assertThat(e.getMessage()).startsWith(source + ":" + line + ":" + column + ": ");
        assertThat(e.problem()).contains(expected);
        assertThat(e.getMessage()).doesNotContain("\n", "\tat ", "Exception");
    }
}
