# Generated from job.json, job_sacct.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from typing import Annotated


class JobSacct(BaseModel):
    """
    A job row as in job_sacct.json; every field is optional.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    account: str | None = None
    admincomment: str | None = None
    alloccpus: str | None = None
    allocnodes: str | None = None
    alloctres: str | None = None
    associd: str | None = None
    avecpu: str | None = None
    avecpufreq: str | None = None
    avediskread: str | None = None
    avediskwrite: str | None = None
    avepages: str | None = None
    averss: str | None = None
    avevmsize: str | None = None
    blockid: str | None = None
    cluster: str | None = None
    comment: str | None = None
    constraints: str | None = None
    consumedenergy: str | None = None
    consumedenergyraw: str | None = None
    cputime: str | None = None
    cputimeraw: str | None = None
    dbindex: str | None = None
    derivedexitcode: str | None = None
    elapsed: str | None = None
    elapsedraw: str | None = None
    eligible: str | None = None
    end: str | None = None
    exitcode: str | None = None
    flags: str | None = None
    gid: str | None = None
    group: str | None = None
    jobid: str | None = None
    jobidraw: str | None = None
    jobname: str | None = None
    layout: str | None = None
    maxdiskread: str | None = None
    maxdiskreadnode: str | None = None
    maxdiskreadtask: str | None = None
    maxdiskwrite: str | None = None
    maxdiskwritenode: str | None = None
    maxdiskwritetask: str | None = None
    maxpages: str | None = None
    maxpagesnode: str | None = None
    maxpagestask: str | None = None
    maxrss: str | None = None
    maxrssnode: str | None = None
    maxrsstask: str | None = None
    maxvmsize: str | None = None
    maxvmsizenode: str | None = None
    maxvmsizetask: str | None = None
    mcslabel: str | None = None
    mincpu: str | None = None
    mincpunode: str | None = None
    mincputask: str | None = None
    ncpus: str | None = None
    nnodes: str | None = None
    nodelist: str | None = None
    ntasks: str | None = None
    priority: str | None = None
    partition: str | None = None
    qos: str | None = None
    qosraw: str | None = None
    reason: str | None = None
    reqcpufreq: str | None = None
    reqcpufreqmin: str | None = None
    reqcpufreqmax: str | None = None
    reqcpufreqgov: str | None = None
    reqcpus: str | None = None
    reqmem: str | None = None
    reqnodes: str | None = None
    reqtres: str | None = None
    reservation: str | None = None
    reservationid: str | None = None
    reserved: str | None = None
    resvcpu: str | None = None
    resvcpuraw: str | None = None
    start: str | None = None
    state: str | None = None
    submit: str | None = None
    suspended: str | None = None
    systemcpu: str | None = None
    systemcomment: str | None = None
    timelimit: str | None = None
    timelimitraw: str | None = None
    totalcpu: str | None = None
    tresusageinave: str | None = None
    tresusageinmax: str | None = None
    tresusageinmaxnode: str | None = None
    tresusageinmaxtask: str | None = None
    tresusageinmin: str | None = None
    tresusageinminnode: str | None = None
    tresusageinmintask: str | None = None
    tresusageintot: str | None = None
    tresusageoutave: str | None = None
    tresusageoutmax: str | None = None
    tresusageoutmaxnode: str | None = None
    tresusageoutmaxtask: str | None = None
    tresusageoutmin: str | None = None
    tresusageoutminnode: str | None = None
    tresusageoutmintask: str | None = None
    tresusageouttot: str | None = None
    uid: str | None = None
    user: str | None = None
    usercpu: str | None = None
    wckey: str | None = None
    wckeyid: str | None = None
    workdir: str | None = None


class JobSqueue(BaseModel):
    """
    A job row as in job.json; every field is optional.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    account: str | None = None
    tres_per_node: str | None = None
    min_cpus: str | None = None
    min_tmp_disk: str | None = None
    end_time: str | None = None
    features: str | None = None
    group: str | None = None
    over_subscribe: str | None = None
    jobid: str | None = None
    name: str | None = None
    comment: str | None = None
    time_limit: str | None = None
    min_memory: str | None = None
    req_nodes: str | None = None
    command: str | None = None
    priority: str | None = None
    qos: str | None = None
    reason: str | None = None
    blank: Annotated[str | None, Field(alias="")] = None
    st: str | None = None
    user: str | None = None
    reservation: str | None = None
    wckey: str | None = None
    exc_nodes: str | None = None
    nice: str | None = None
    s_c_t: Annotated[str | None, Field(alias="s:c:t")] = None
    exec_host: str | None = None
    cpus: str | None = None
    nodes: str | None = None
    dependency: str | None = None
    array_job_id: str | None = None
    sockets_per_node: str | None = None
    cores_per_socket: str | None = None
    threads_per_core: str | None = None
    array_task_id: str | None = None
    time_left: str | None = None
    time: str | None = None
    nodelist: str | None = None
    contiguous: str | None = None
    partition: str | None = None
    nodelist_reason: Annotated[str | None, Field(alias="nodelist(reason)")] = None
    start_time: str | None = None
    state: str | None = None
    uid: str | None = None
    submit_time: str | None = None
    licenses: str | None = None
    core_spec: str | None = None
    schednodes: str | None = None
    work_dir: str | None = None
