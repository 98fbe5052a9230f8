/**
 * Turns a finished notice (its inner MIME entity) into what may travel: protected for one recipient,
 * or refused. Behind the small {@link io.liaison.gateway.compose.MessageProtector} port so the
 * OpenPGP adapter can later sit beside an S/MIME one.
 */
package io.liaison.gateway.compose;
