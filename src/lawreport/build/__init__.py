"""The build stage: content/ -> site/, and bringing reports into content/.

    plan       discover, guard the output, fingerprint; stop when nothing changed (cheap)
    run        the phases of a build with work to do
    load       a report folder: its YAML, or a first parse of its source
    cache      what a rebuild can skip
    outguard   write only into a folder lawreport made
    serve      local server, rebuilt and reloaded on change
    ingest     extract + parse of a published report
    add        lawreport add: a new report folder in content/
"""
