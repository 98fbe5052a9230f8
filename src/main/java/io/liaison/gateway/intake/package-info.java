/** Intake: notice files read, validated and turned into drafts; bad input refused whole with a clear reason. */
package io.liaison.gateway.intake;
