"""A TaskGroup whose child fails: its siblings are cancelled and the group raises an
ExceptionGroup once all of them have ended (Python 3.11+).

Run it: python examples/taskgroup_fails.py
"""

import asyncio
import sys


async def cook(item: str, seconds: float) -> str:
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{item}: cancelled")
        raise
    if item == "fries":
        raise ValueError("the fryer is on fire")
    print(f"{item}: done")
    return item


async def main() -> None:
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(cook("burger", 3), name="burger")
            group.create_task(cook("fries", 1), name="fries")
            group.create_task(cook("shake", 2), name="shake")
    except Exception as error:  # an ExceptionGroup
        print(f"{type(error).__name__}: {error}")
        for inner in error.exceptions:
            print(f"  {type(inner).__name__}: {inner}")


if sys.version_info < (3, 11):
    sys.exit("asyncio.TaskGroup needs Python 3.11 or newer")
asyncio.run(main())
