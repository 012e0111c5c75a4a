package dev.app09.graph.cli;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --as-of} option: the instant a command judges at, by default the clock's. */
final class AsOf {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "Judge as of this instant (2026-06-01T00:00:00Z) or date (2026-06-01, midnight UTC); default: now.")
    private @Nullable String text;

    /**
     * @param clock the clock, for when no instant is given
     * @return the instant
     * @throws CommandLine.ParameterException naming the option and the expected forms
     */
    Instant instant(Clock clock) {
        if (text == null) {
            return clock.instant();
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--as-of " + text + ": expected an instant such as 2026-06-01T00:00:00Z or a date such as 2026-06-01");
        }
    }
}
