"""Retry a flaky call with exponential backoff and jitter.

Used by the weather fetcher: the station API times out a few times a day, and retrying
immediately makes it worse because every client retries at the same moment.
"""
import random
import time


def retry(call, attempts=5, base_delay=0.5, max_delay=30.0, retry_on=(TimeoutError, ConnectionError)):
    """Call `call()` until it succeeds or `attempts` run out.

    The wait doubles after every failure (0.5 s, 1 s, 2 s, ...) up to `max_delay`, and a random
    "full jitter" picks a time between zero and that bound, so many clients spread out instead of
    hammering the server in lockstep.
    """
    for attempt in range(attempts):
        try:
            return call()
        except retry_on:
            if attempt == attempts - 1:
                raise
            bound = min(max_delay, base_delay * 2 ** attempt)
            time.sleep(random.uniform(0, bound))


if __name__ == "__main__":
    flaky_calls = iter([TimeoutError(), TimeoutError(), "sunny, 21 degrees"])

    def fetch():
        result = next(flaky_calls)
        if isinstance(result, Exception):
            raise result
        return result

    print(retry(fetch, base_delay=0.01))
