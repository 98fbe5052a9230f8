/** Exercises (演習): scenario files of timed notices and replies, run on the real chain, ending with a report. */
package io.liaison.gateway.exercise;
