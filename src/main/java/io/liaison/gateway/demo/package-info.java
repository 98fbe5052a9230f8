/**
 * Demo-only code: the {@code demo} command and simulated exercises, on in-process peers (GreenMail for
 * SMTP/IMAP, the jSMPP SMSC of {@code peers}). Only this package, {@code peers} and {@code bench} may
 * use the in-process servers; the gateway itself never loads them (DemoOnlyClassesStayOutOfTheGatewayTest).
 */
package io.liaison.gateway.demo;
