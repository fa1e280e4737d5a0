package org.dossier.index;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Replaces each token with its {@link TranslitKey}; keeps a small cache of recent tokens. */
final class TranslitKeyFilter extends TokenFilter {
  private static final int CACHE = 4096;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final Map<String, String> cache =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > CACHE;
        }
      };

  TranslitKeyFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    String token = term.toString();
    String key = cache.computeIfAbsent(token, TranslitKey::of);
    if (!key.equals(token)) {
      term.setEmpty().append(key);
    }
    return true;
  }
}
