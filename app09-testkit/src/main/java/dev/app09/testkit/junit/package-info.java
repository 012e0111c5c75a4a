/** The JUnit 5 extension that runs a fake Graph server for a test class. */
@NullMarked
package dev.app09.testkit.junit;

import org.jspecify.annotations.NullMarked;
