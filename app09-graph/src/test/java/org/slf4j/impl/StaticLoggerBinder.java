package org.slf4j.impl;

import dev.app09.graph.secrets.JulRoutedLogger;
import org.slf4j.ILoggerFactory;
import org.slf4j.spi.LoggerFactoryBinder;

/**
 * The SLF4J 1.7 binding of app09-graph's tests: {@link JulRoutedLogger}, silent unless a test
 * captures the output of a run. Without a binding SLF4J drops every event unseen, and the secret
 * canary tests could not tell what MSAL or azure-core would log for an application that embeds
 * app09 with a logging backend. The command's jar has no binding: this class is a test class.
 */
public final class StaticLoggerBinder implements LoggerFactoryBinder {

    /** The SLF4J API version this binding is written against (SLF4J reads this field; not final by its contract). */
    public static String REQUESTED_API_VERSION = "1.6.99";

    private static final StaticLoggerBinder SINGLETON = new StaticLoggerBinder();

    private final ILoggerFactory factory = JulRoutedLogger::named;

    private StaticLoggerBinder() {
    }

    /** @return the binding, as SLF4J asks for it */
    public static StaticLoggerBinder getSingleton() {
        return SINGLETON;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public String getLoggerFactoryClassStr() {
        return JulRoutedLogger.class.getName();
    }
}
