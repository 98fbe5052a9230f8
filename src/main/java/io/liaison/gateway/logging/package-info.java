/**
 * The gateway's own SLF4J 2 provider: one line per event, as text (the lines operators have always read) or as
 * one JSON object per line ({@code gateway.log.format}), to standard error or a file ({@code gateway.log.file}).
 * It replaces slf4j-simple so that there is still one provider on the class path and no XML configuration is
 * scanned from dependencies. Levels: {@code gateway-log.properties} in the artifact. Depends on nothing of the
 * gateway: {@code app} configures it at start.
 */
package io.liaison.gateway.logging;
