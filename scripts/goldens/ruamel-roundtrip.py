#!/usr/bin/python3
"""Goldens for amlsh's conda round-trip text: what azureml-core's CondaDependencies holds.

The SDK (azureml/core/conda_dependencies.py) reads a conda file with
ruamel.yaml's legacy round_trip_load(stream) and writes it with round_trip_dump(data, stream)
(serialize_to_string, save, save_to_directory); no indent, width or quote options, so the
round-trip defaults: mappings indented 2, a sequence's '-' at its parent key's column, width 80,
quotes dropped where a plain scalar reads back the same, YAML 1.2 types. The SDK vendored
ruamel.yaml 0.17.x, no newer than 0.17.4.

Which ruamel.yaml runs:
  RUAMEL_SRC=/path/to/ruamel.yaml-0.17.4-source  run that release's code (python3 -S, the folder
                                                 holding ruamel/yaml/...), the reference;
  otherwise Debian's python3-ruamel.yaml 0.17.21 (/usr/bin/python3). 0.17.5 added
  'comment_handling' and the legacy RoundTripDumper never got the attribute, so from 0.17.5 on
  round_trip_dump drops every comment attached to a mapping's keys (an end-of-line comment after
  'name: x', a comment after the last key). 0.17.4 keeps them. With 0.17.21 this script sets
  comment_handling = None on the dumper, which is the branch 0.17.4 always takes.

Usage: ruamel-roundtrip.py FILE [EDIT...]
  EDIT is one of the SDK's CondaDependencies methods, applied in order the way the SDK applies
  them to the loaded document:
    add_conda=SPEC remove_conda=SPEC add_pip=REQ remove_pip=REQ add_channel=C remove_channel=C
    set_pip_option=OPT remove_pip_option=OPT set_pip_requirements=LINE|LINE|...
The text is written to stdout exactly as serialize_to_string() returns it.
"""
import os
import re
import sys
import warnings

if os.environ.get('RUAMEL_SRC'):
    sys.path.insert(0, os.environ['RUAMEL_SRC'])
warnings.simplefilter('ignore')
import ruamel.yaml as ry  # noqa: E402
from ruamel.yaml.comments import CommentedSeq  # noqa: E402

PACKAGES, CHANNELS, PIP = 'dependencies', 'channels', 'pip'
VERSION = re.compile(r'(\d+)\.(\d+)(\.(\d+))?([ab](\d+))?$')


def package_name(value):
    # the SDK's _get_package_name: a wheel's first '-' token, else the text before [ = < > ~ ! |
    if value.endswith('.whl'):
        return re.split('-', re.split('/', value)[-1])[0]
    return re.split(r'[\[=|<|>|~|!]', value)[0]


def is_python(item):
    return isinstance(item, str) and item.startswith('python') and package_name(item) == 'python'


def pop_equal(seq, element):
    # CommentedSeq.pop drops the item's comments and shifts the later ones, as the SDK relies on
    if isinstance(seq, CommentedSeq):
        count = 0
        for item in seq:
            if item == element:
                seq.pop(count)
            count += 1
    else:
        seq.remove(element)


def pip_dict(doc):
    for item in doc.get(PACKAGES) or []:
        if isinstance(item, dict) and PIP in item:
            return item
    return None


def set_python(doc, version):
    deps = doc.get(PACKAGES)
    if deps is None:
        doc[PACKAGES] = ['python=' + version]
        return
    for index, item in enumerate(deps):
        if is_python(item):
            deps[index] = 'python=' + version  # in place: keeps the comments around it
            return
    deps.append('python=' + version)


def add_conda(doc, spec):
    if PACKAGES not in doc:
        doc[PACKAGES] = [spec]
    elif spec not in doc[PACKAGES]:
        if spec.startswith('python') and package_name(spec) == 'python':
            match = VERSION.search(spec)
            set_python(doc, match.group())
        else:
            doc[PACKAGES].append(spec)


def remove_conda(doc, spec):
    if PACKAGES in doc and spec in doc[PACKAGES]:
        pop_equal(doc[PACKAGES], spec)


def pip_packages(doc):
    found = pip_dict(doc)
    return [x for x in found[PIP] if not x.startswith('-')] if found else []


def remove_pip(doc, requirement):
    name = package_name(requirement)
    if requirement in pip_packages(doc) or name in [package_name(x) for x in pip_packages(doc)]:
        pip = pip_dict(doc)[PIP]
        last = None
        for item in pip:
            if package_name(item) == name:
                last = item
        if last:
            pop_equal(pip, last)


def add_pip(doc, requirement):
    remove_pip(doc, requirement)
    found = pip_dict(doc)
    if found is None:
        if PACKAGES in doc:
            doc[PACKAGES].append({PIP: [requirement]})
        else:
            doc[PACKAGES] = [{PIP: [requirement]}]
    elif requirement not in pip_packages(doc):
        found[PIP].append(requirement)


def add_channel(doc, channel):
    if CHANNELS in doc:
        if channel not in doc[CHANNELS]:
            doc[CHANNELS].append(channel)
    else:
        doc[CHANNELS] = [channel]


def remove_channel(doc, channel):
    if CHANNELS in doc and channel in doc[CHANNELS]:
        pop_equal(doc[CHANNELS], channel)


def set_pip_option(doc, option):
    found = pip_dict(doc)
    if found is None:
        add = {PIP: [option]}
        if PACKAGES in doc:
            doc[PACKAGES].append(add)
        else:
            doc[PACKAGES] = [add]
        return
    key = option.split()[0]
    pip = found[PIP]
    if key not in [x.split()[0] for x in pip if x.startswith('-')]:
        pip.append(option)
    else:
        for i in range(len(pip)):
            if pip[i].split()[0] == key:
                pip[i] = option


def remove_pip_option(doc, option):
    found = pip_dict(doc)
    if found is None:
        return
    key = option.split()[0]
    last = None
    for item in found[PIP]:
        if item.split()[0] == key:
            last = item
    if last:
        pop_equal(found[PIP], last)


def set_pip_requirements(doc, lines):
    # from_pip_requirements: the whole pip list replaced by a plain list ('|' separates the lines here)
    requirements = lines.split('|')
    found = pip_dict(doc)
    if found is None:
        add = {PIP: requirements}
        if PACKAGES in doc:
            doc[PACKAGES].append(add)
        else:
            doc[PACKAGES] = [add]
    else:
        found[PIP] = requirements


EDITS = {f.__name__: f for f in (add_conda, remove_conda, add_pip, remove_pip, add_channel,
                                  remove_channel, set_pip_option, remove_pip_option,
                                  set_pip_requirements)}


def dump(doc, out):
    dumper_class = ry.RoundTripDumper
    if ry.version_info >= (0, 17, 5) and not hasattr(dumper_class, 'comment_handling'):
        dumper_class.comment_handling = None  # the branch 0.17.4 takes: mapping comments kept
    ry.round_trip_dump(doc, out, Dumper=dumper_class)


def main(argv):
    with open(argv[1], 'r') as stream:  # text mode like the SDK: CRLF read as LF
        doc = ry.round_trip_load(stream)
    for edit in argv[2:]:
        name, _, value = edit.partition('=')
        EDITS[name](doc, value)
    dump(doc, sys.stdout)


if __name__ == '__main__':
    main(sys.argv)
