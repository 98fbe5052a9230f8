/** The IMAP door of the inbound intake: how camel-mail hands a fetched mail over, without trusting its headers. */
package io.liaison.gateway.inbound.imap;
