/**
 * Writes the bundled fictional example case in {@code examples/}: a leaked cache (contracts, a
 * draft and a final version, an equipment schedule, letters, a scanned payment notice, meeting
 * minutes, an email with an attachment, a ZIP, a Chinese memo) whose binary files this program
 * generates. The press articles beside it are plain text files edited by hand. Every
 * organisation, person, place and piece of equipment is invented.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.dossier.examples.ExampleCacheWriter -Dexec.args=examples}
 */
package org.dossier.examples;
