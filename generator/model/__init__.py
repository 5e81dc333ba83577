"""The intermediate model: plain, typed, frozen dataclasses that can be dumped as JSON."""
