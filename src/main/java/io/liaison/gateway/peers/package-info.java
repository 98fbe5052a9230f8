/** Real peers run in-process for the demo and the tests: an SMTP/IMAP server and an SMSC. */
package io.liaison.gateway.peers;
