/**
 * A first real deployment: the folder {@code init} creates (the gateway's keys, the certificate to hand out, a
 * settings file whose secrets are environment variables or files, a directory skeleton, absolute data paths).
 * Domain code: it never imports {@code app}, {@code application} or {@code interfaces}.
 */
package io.liaison.gateway.deployment;
