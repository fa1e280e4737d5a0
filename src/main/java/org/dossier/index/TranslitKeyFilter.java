package org.dossier.index;

import org.dossier.core.TranslitKey;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Replaces each token with its {@link TranslitKey}. */
final class TranslitKeyFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  TranslitKeyFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    String token = term.toString();
    String key = TranslitKey.of(token);
    if (!key.equals(token)) {
      term.setEmpty().append(key);
    }
    return true;
  }
}
