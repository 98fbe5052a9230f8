/**
 * YAML read with limits set before a byte is parsed: shared by the inbound document parser, the notice
 * parser and the directory loader, so an operator file and an inbound reply are held to the same bounds.
 */
package io.liaison.gateway.yaml;
