/** The analyst's report: findings as sentences, each citing its passages as footnotes. */
package org.dossier.report;
