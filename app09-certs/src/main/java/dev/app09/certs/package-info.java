/**
 * app09-certs: certificates that Entra and the Java clients accept (create, export, inspect,
 * validate). Its content arrives with the certificates issue; until then the module is empty.
 */
@NullMarked
package dev.app09.certs;

import org.jspecify.annotations.NullMarked;
