package vn.thanhhoa.opendata.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator that works out its next element one step ahead; {@link #advance} returns null at the
 * end.
 */
abstract class Lookahead<T> implements Iterator<T> {
  private T next;
  private boolean started;

  /** The next element, or null when there is none. */
  protected abstract T advance();

  @Override
  public boolean hasNext() {
    if (!started) {
      started = true;
      next = advance();
    }
    return next != null;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T element = next;
    next = advance();
    return element;
  }
}
