"""Jobs shared with a forked process: the same results in the same order as one process,
and each failure told."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from local_offer.records.both_cores import WorkFailed, on_both_cores

BUILD = os.getpid()


def slow_here(job):
    """The job, slowly in the test's own process: the other one surely takes a batch."""
    if os.getpid() == BUILD:
        time.sleep(0.01)
    return job


def test_both_processes_take_batches_and_results_keep_the_jobs_order():
    jobs = list(range(60))
    made = on_both_cores(jobs, lambda job: (slow_here(job) ** 2, os.getpid()), 2,
                         "a square failed")
    assert [square for square, _ in made] == [job * job for job in jobs]
    assert {pid for _, pid in made} - {os.getpid()}, "the forked process took no batch"


def test_a_job_that_fails_in_the_other_process_is_told():
    def fails_elsewhere(job):
        if os.getpid() != BUILD:
            raise ValueError(f"cannot make {job}")
        return slow_here(job)

    with pytest.raises(WorkFailed, match=r"^a thing could not be made: "
                                         r"ValueError\('cannot make \d+'\)$"):
        on_both_cores(list(range(40)), fails_elsewhere, 1, "a thing could not be made")


def test_a_job_that_fails_here_stops_the_other_process():
    def fails(job):
        raise KeyError(job)

    with pytest.raises(KeyError):
        on_both_cores(list(range(40)), fails, 1, "a thing could not be made")
    assert multiprocessing.active_children() == []
