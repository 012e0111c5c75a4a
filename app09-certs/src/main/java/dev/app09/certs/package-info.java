/**
 * Certificates that Entra and the Java clients accept: create a self-signed RSA certificate, export
 * it as the files Entra and azure-identity load, and name it by its thumbprints.
 *
 * <p>Sub-packages: {@code dev.app09.certs.inspect} tells what a file holds and whether Entra would
 * accept it for upload; {@code dev.app09.certs.renewal} schedules certificate renewals over a
 * tenant snapshot.
 */
@NullMarked
package dev.app09.certs;

import org.jspecify.annotations.NullMarked;
