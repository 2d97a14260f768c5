namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// Limited-memory BFGS (Nocedal 1980; Liu and Nocedal 1989) for a smooth function: the two-loop
/// recursion over the last few steps gives the direction, a backtracking line search (Armijo
/// condition) the step. Deterministic; memory is (2 × <c>memory</c> + 4) vectors of the size of x.
/// </summary>
internal static class Lbfgs
{
    private const double Armijo = 1e-4;
    private const int MaxBacktracks = 40;

    /// <summary>
    /// Minimises <paramref name="function"/> from <paramref name="x"/>, which ends at the best point
    /// found; returns the function's value there.
    /// </summary>
    /// <param name="x">Start point; receives the result.</param>
    /// <param name="function">Writes the gradient at its first argument into its second (all of it) and returns the value.</param>
    /// <param name="maxIterations">Iterations at most (each evaluates the function at least once).</param>
    /// <param name="memory">Steps remembered for the curvature estimate.</param>
    /// <param name="tolerance">Stop once the value fell by less than this fraction over the last <paramref name="period"/> iterations.</param>
    /// <param name="period">Iterations the relative decrease is measured over.</param>
    /// <param name="progress">Receives (iteration, value).</param>
    public static double Minimize(double[] x, Func<double[], double[], double> function, int maxIterations, int memory = 6, double tolerance = 1e-5, int period = 10, Action<int, double>? progress = null)
    {
        int n = x.Length;
        var gradient = new double[n];
        var direction = new double[n];
        var next = new double[n];
        var nextGradient = new double[n];
        var s = new double[memory][];
        var y = new double[memory][];
        var rho = new double[memory];
        var alpha = new double[memory];
        var history = new double[period + 1];
        int stored = 0;
        int newest = -1;
        double value = function(x, gradient);
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            // Two-loop recursion: direction = -H gradient, H the inverse Hessian estimate.
            Array.Copy(gradient, direction, n);
            for (int k = 0; k < stored; k++)
            {
                int j = (newest - k + memory) % memory;
                alpha[j] = rho[j] * Dot(s[j], direction);
                AddScaled(direction, y[j], -alpha[j]);
            }

            double gamma = stored > 0 ? Dot(s[newest], y[newest]) / Dot(y[newest], y[newest]) : 1 / Math.Sqrt(Dot(gradient, gradient));
            Scale(direction, gamma);
            for (int k = stored - 1; k >= 0; k--)
            {
                int j = (newest - k + memory) % memory;
                double beta = rho[j] * Dot(y[j], direction);
                AddScaled(direction, s[j], alpha[j] - beta);
            }

            Scale(direction, -1);
            double slope = Dot(gradient, direction);
            if (!(slope < 0))
            {
                // Not a descent direction (curvature estimate gone bad): start over along the gradient.
                stored = 0;
                Array.Copy(gradient, direction, n);
                Scale(direction, -1 / Math.Sqrt(Dot(gradient, gradient)));
                slope = Dot(gradient, direction);
                if (!(slope < 0))
                {
                    break;
                }
            }

            double step = 1;
            double nextValue = double.NaN;
            bool accepted = false;
            for (int b = 0; b < MaxBacktracks; b++)
            {
                for (int i = 0; i < n; i++)
                {
                    next[i] = x[i] + (step * direction[i]);
                }

                nextValue = function(next, nextGradient);
                if (nextValue <= value + (Armijo * step * slope))
                {
                    accepted = true;
                    break;
                }

                step /= 2;
            }

            if (!accepted)
            {
                break;
            }

            // Remember the step and the gradient change, unless the curvature is not positive.
            int slot = (newest + 1) % memory;
            s[slot] ??= new double[n];
            y[slot] ??= new double[n];
            for (int i = 0; i < n; i++)
            {
                s[slot][i] = next[i] - x[i];
                y[slot][i] = nextGradient[i] - gradient[i];
            }

            double sy = Dot(s[slot], y[slot]);
            if (sy > 1e-10)
            {
                rho[slot] = 1 / sy;
                newest = slot;
                stored = Math.Min(stored + 1, memory);
            }
            else
            {
                // The slot may have held a pair still counted; forget them all.
                stored = 0;
            }

            Array.Copy(next, x, n);
            Array.Copy(nextGradient, gradient, n);
            history[iteration % history.Length] = value;
            value = nextValue;
            progress?.Invoke(iteration, value);
            if (iteration >= period)
            {
                double before = history[(iteration - period + 1) % history.Length];
                if (before - value < tolerance * Math.Max(1, Math.Abs(value)))
                {
                    break;
                }
            }
        }

        return value;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void AddScaled(double[] to, double[] from, double factor)
    {
        for (int i = 0; i < to.Length; i++)
        {
            to[i] += factor * from[i];
        }
    }

    private static void Scale(double[] values, double factor)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] *= factor;
        }
    }
}
