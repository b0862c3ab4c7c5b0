"""The content stage: the content/ folder and the report YAML, read and written.

    folders    discover content/ (report folders, editorial pages), write a new report.yaml
    store      Report <-> report.yaml, validated, errors as file:LINE:COL
    export     report.json
    writer     atomic site output (temporary folder, hard links, one swap)
"""
