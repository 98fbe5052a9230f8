/**
 * Sanitised re-share (DOMAIN.md flow 9): NISC passes on what one reporter told it so that others can protect
 * themselves, only after everything identifying the reporter is removed, only on one of the seed's two
 * grounds, never against the reporter's wish, and only once a named NISC point of contact approves it.
 */
package io.liaison.gateway.reshare;
