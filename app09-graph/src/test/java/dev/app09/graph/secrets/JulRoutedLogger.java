package dev.app09.graph.secrets;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MarkerIgnoringBase;
import org.slf4j.helpers.MessageFormatter;

/**
 * The SLF4J logger of app09-graph's tests (bound by {@code org.slf4j.impl.StaticLoggerBinder}):
 * while {@link CapturedOutput} is open it hands every event, at every level, to the
 * java.util.logging logger of the same name, where the capture records it; otherwise it drops
 * everything, as the no-operation binding the command runs with does. MSAL, azure-core, Netty and
 * the other libraries that log through SLF4J are heard this way.
 */
public final class JulRoutedLogger extends MarkerIgnoringBase {

    private static final long serialVersionUID = 1L;
    private static final Map<String, JulRoutedLogger> LOGGERS = new ConcurrentHashMap<>();
    private static volatile boolean routing;

    private final transient Logger target;

    private JulRoutedLogger(String name) {
        this.name = name;
        this.target = Logger.getLogger(name);
    }

    /**
     * @param name the logger's name
     * @return the logger of that name
     */
    public static JulRoutedLogger named(String name) {
        return LOGGERS.computeIfAbsent(name, JulRoutedLogger::new);
    }

    /** Starts or stops handing events on. */
    static void routing(boolean on) {
        routing = on;
    }

    private boolean enabled(Level level) {
        return routing && target.isLoggable(level);
    }

    private void log(Level level, String message, Throwable thrown) {
        if (enabled(level)) {
            LogRecord record = new LogRecord(level, message);
            record.setLoggerName(name);
            record.setThrown(thrown);
            target.log(record);
        }
    }

    private void format(Level level, String format, Object... arguments) {
        if (enabled(level)) {
            FormattingTuple formatted = MessageFormatter.arrayFormat(format, arguments);
            log(level, formatted.getMessage(), formatted.getThrowable());
        }
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.FINEST);
    }

    @Override
    public void trace(String msg) {
        log(Level.FINEST, msg, null);
    }

    @Override
    public void trace(String format, Object arg) {
        format(Level.FINEST, format, arg);
    }

    @Override
    public void trace(String format, Object arg1, Object arg2) {
        format(Level.FINEST, format, arg1, arg2);
    }

    @Override
    public void trace(String format, Object... arguments) {
        format(Level.FINEST, format, arguments);
    }

    @Override
    public void trace(String msg, Throwable t) {
        log(Level.FINEST, msg, t);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.FINE);
    }

    @Override
    public void debug(String msg) {
        log(Level.FINE, msg, null);
    }

    @Override
    public void debug(String format, Object arg) {
        format(Level.FINE, format, arg);
    }

    @Override
    public void debug(String format, Object arg1, Object arg2) {
        format(Level.FINE, format, arg1, arg2);
    }

    @Override
    public void debug(String format, Object... arguments) {
        format(Level.FINE, format, arguments);
    }

    @Override
    public void debug(String msg, Throwable t) {
        log(Level.FINE, msg, t);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public void info(String msg) {
        log(Level.INFO, msg, null);
    }

    @Override
    public void info(String format, Object arg) {
        format(Level.INFO, format, arg);
    }

    @Override
    public void info(String format, Object arg1, Object arg2) {
        format(Level.INFO, format, arg1, arg2);
    }

    @Override
    public void info(String format, Object... arguments) {
        format(Level.INFO, format, arguments);
    }

    @Override
    public void info(String msg, Throwable t) {
        log(Level.INFO, msg, t);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARNING);
    }

    @Override
    public void warn(String msg) {
        log(Level.WARNING, msg, null);
    }

    @Override
    public void warn(String format, Object arg) {
        format(Level.WARNING, format, arg);
    }

    @Override
    public void warn(String format, Object arg1, Object arg2) {
        format(Level.WARNING, format, arg1, arg2);
    }

    @Override
    public void warn(String format, Object... arguments) {
        format(Level.WARNING, format, arguments);
    }

    @Override
    public void warn(String msg, Throwable t) {
        log(Level.WARNING, msg, t);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.SEVERE);
    }

    @Override
    public void error(String msg) {
        log(Level.SEVERE, msg, null);
    }

    @Override
    public void error(String format, Object arg) {
        format(Level.SEVERE, format, arg);
    }

    @Override
    public void error(String format, Object arg1, Object arg2) {
        format(Level.SEVERE, format, arg1, arg2);
    }

    @Override
    public void error(String format, Object... arguments) {
        format(Level.SEVERE, format, arguments);
    }

    @Override
    public void error(String msg, Throwable t) {
        log(Level.SEVERE, msg, t);
    }
}
