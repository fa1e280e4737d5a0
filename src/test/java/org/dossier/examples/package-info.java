/**
 * Writes the bundled fictional example case in {@code examples/}: a leaked cache (contracts, a
 * draft and a final version, an equipment schedule, letters in English and Russian with
 * outgoing numbers, a scanned payment notice, meeting minutes, an email with an attachment, a
 * ZIP, a Chinese memo, the leakers' note) whose files this program generates. The press articles
 * beside it are plain text files edited by hand. Every organisation, person, place and piece of
 * equipment is invented. The output is the same byte for byte on every run.
 *
 * <p>Run: {@code mvn -q -B -DskipTests test-compile
 * org.codehaus.mojo:exec-maven-plugin:3.6.4:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.dossier.examples.ExampleCacheWriter -Dexec.args=examples}
 */
package org.dossier.examples;
