package io.dicomfind.dicom.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The value of an SQ element: an ordered list of items, each an {@link Attributes} nested in its parent (PS3.5 7.5). */
public final class Sequence implements Iterable<Attributes> {
    private final Attributes parent;
    private final List<Attributes> items = new ArrayList<>(1);
    private boolean undefinedLength;

    Sequence(Attributes parent) {
        this.parent = parent;
    }

    /** The data set (or item) that holds this sequence. */
    public Attributes parent() {
        return parent;
    }

    /**
     * Whether the sequence arrived with undefined length (PS3.5 7.5.1). Kept so that dumps and XML can show what was
     * received, as DCMTK does; writers choose their own encoding.
     */
    public boolean undefinedLength() {
        return undefinedLength;
    }

    public void setUndefinedLength(boolean undefinedLength) {
        this.undefinedLength = undefinedLength;
    }

    /** Appends and returns a new empty item whose Specific Character Set is inherited from the parent. */
    public Attributes addItem() {
        Attributes item = new Attributes(parent);
        items.add(item);
        return item;
    }

    /** The item at {@code index}, creating empty items up to it, as findscu's key syntax does. */
    public Attributes itemOrCreate(int index) {
        while (items.size() <= index) {
            addItem();
        }
        return items.get(index);
    }

    public Attributes get(int index) {
        return items.get(index);
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public Iterator<Attributes> iterator() {
        return items.iterator();
    }
}
