using System.Collections.Concurrent;

namespace GrpcNlp.Server.Marshalling;

/// <summary>
/// Keeps at most <paramref name="capacity"/> returned objects for later rents; past that,
/// returned objects are left to the GC. Thread-safe.
/// </summary>
internal sealed class BoundedPool<T>(int capacity)
    where T : class, new()
{
    private readonly ConcurrentQueue<T> _items = new();
    private int _count;

    /// <summary>A kept object, or a new one.</summary>
    public T Rent()
    {
        if (_items.TryDequeue(out T? item))
        {
            Interlocked.Decrement(ref _count);
            return item;
        }

        return new T();
    }

    /// <summary>Keeps <paramref name="item"/> (already reset by its caller) unless the pool is full.</summary>
    public void Return(T item)
    {
        if (Interlocked.Increment(ref _count) > capacity)
        {
            Interlocked.Decrement(ref _count);
            return;
        }

        _items.Enqueue(item);
    }
}
