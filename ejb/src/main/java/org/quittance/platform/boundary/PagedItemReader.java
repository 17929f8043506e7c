package org.quittance.platform.boundary;

import jakarta.batch.api.chunk.AbstractItemReader;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A batch job's reader of kept rows in order, a page at a time (a file may have a million); its
 * checkpoint is the position of the last item handed out, so a restart reads on after it.
 */
public abstract class PagedItemReader<T> extends AbstractItemReader {

    static final int PAGE = 1_000;

    private final Deque<T> page = new ArrayDeque<>();
    private int after;
    private boolean exhausted;

    /** The items after a position, in order, at most limit. */
    protected abstract List<T> page(int afterPosition, int limit);

    protected abstract int position(T item);

    @Override
    public void open(Serializable checkpoint) {
        after = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            List<T> next = page(after, PAGE);
            page.addAll(next);
            exhausted = next.size() < PAGE;
        }
        T item = page.poll();
        if (item == null) {
            return null;
        }
        after = position(item);
        return item;
    }

    @Override
    public Serializable checkpointInfo() {
        return after;
    }
}
