/** Policy: who may receive a notice — routing by the seeds' flows, then the handling-agreement gate for each candidate. */
package io.liaison.gateway.policy;
