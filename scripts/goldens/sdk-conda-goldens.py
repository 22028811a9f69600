#!/usr/bin/python3
"""Goldens for amlsh's conda round-trip text, from azureml-core's own CondaDependencies.

Where ruamel-roundtrip.py re-implements the SDK's edits, this runs the SDK's code: its
azureml/core/conda_dependencies.py, from a source folder you supply (a wheel or sdist of
azureml-core unpacked; nothing of it is in this repository), on ruamel.yaml's own source. The
azureml-internal modules that file imports are replaced by small stand-ins written here
(exceptions, the SDK version, the path helpers, pkg_resources.resource_stream, the default conda
file, which is amlsh's copy of the SDK's base_project_files/conda_dependencies.yml text).

Usage:
  AZUREML_CORE_SRC=/path/to/azureml-core RUAMEL_SRC=/path/to/ruamel.yaml-0.17.4 \\
      python3 -S sdk-conda-goldens.py FILE [EDIT...]
  FILE is a conda file (CondaDependencies(FILE)), or '-' for CondaDependencies() (the SDK's
  default file). EDIT is METHOD=VALUE for one of CondaDependencies' methods, applied in order:
    add_conda_package, remove_conda_package, add_pip_package, remove_pip_package, add_channel,
    remove_channel, set_pip_option, remove_pip_option, set_python_version,
    set_pip_requirements (VALUE's lines separated by '|')
  and 'from_conda_specification' (no value): Environment.from_conda_specification's python rule,
  set_python_version('3.8.13') when the file names no python version.
serialize_to_string() goes to stdout; an exception's type and message to stderr (exit 1).
RUAMEL_SRC is the folder holding ruamel/yaml/... (git archive of the 0.17.4 tag).
"""
import os
import shutil
import sys
import tempfile
import warnings

STANDINS = {
    'azureml/__init__.py': '',
    'azureml/_vendor/__init__.py': '',
    'azureml/_vendor/ruamel/__init__.py': (
        'import sys\nimport ruamel.yaml as yaml\nimport ruamel.yaml.comments\n'
        'sys.modules[__name__ + ".yaml"] = yaml\n'),
    'azureml/exceptions.py': (
        'class AzureMLException(Exception):\n    pass\n\n\n'
        'class UserErrorException(AzureMLException):\n    pass\n'),
    'azureml/_base_sdk_common/__init__.py': '__version__ = "0.0.0"\n',
    'azureml/_base_sdk_common/common.py': (
        'def get_run_config_dir_name(base_directory):\n    return ".azureml"\n\n\n'
        'def normalize_windows_paths(path):\n    return path.replace("\\\\", "/") if path else path\n'),
    'azureml/_project/__init__.py': '',
    'azureml/_project/project_manager.py': (
        'def _sdk_scope():\n    return []\n\n\ndef _current_index():\n    return None\n'),
    'azureml/core/__init__.py': '',
    'pkg_resources.py': (
        'import importlib\nimport os\n\n\ndef resource_stream(module, path):\n'
        '    package = importlib.import_module(module)\n'
        '    return open(os.path.join(os.path.dirname(package.__file__), path), "rb")\n'),
}
DEFAULT_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'main', 'resources',
                            'dev', 'amlsh', 'conda', 'roundtrip', 'sdk-default-conda-dependencies.yml')


def load_sdk(sdk_src, ruamel_src):
    root = tempfile.mkdtemp(prefix='sdk-goldens-')
    for path, text in STANDINS.items():
        os.makedirs(os.path.dirname(os.path.join(root, path)) or root, exist_ok=True)
        with open(os.path.join(root, path), 'w') as f:
            f.write(text)
    os.makedirs(os.path.join(root, 'azureml/_project/base_project_files'))
    shutil.copy(DEFAULT_FILE, os.path.join(root, 'azureml/_project/base_project_files/conda_dependencies.yml'))
    shutil.copy(os.path.join(sdk_src, 'azureml', 'core', 'conda_dependencies.py'),
                os.path.join(root, 'azureml', 'core', 'conda_dependencies.py'))
    sys.path[:0] = [root, ruamel_src]
    warnings.simplefilter('ignore')
    from azureml.core.conda_dependencies import CondaDependencies, PYTHON_DEFAULT_VERSION
    return CondaDependencies, PYTHON_DEFAULT_VERSION


def main(argv):
    CondaDependencies, default_python = load_sdk(os.environ['AZUREML_CORE_SRC'], os.environ['RUAMEL_SRC'])
    try:
        cd = CondaDependencies() if argv[1] == '-' else CondaDependencies(argv[1])
        for edit in argv[2:]:
            method, _, value = edit.partition('=')
            if method == 'from_conda_specification':
                if not cd._python_version:
                    cd.set_python_version(default_python)
            elif method == 'set_pip_requirements':
                cd.set_pip_requirements(value.split('|'))
            else:
                getattr(cd, method)(value)
        sys.stdout.write(cd.serialize_to_string())
    except Exception as error:  # noqa: BLE001 - the SDK's failure is the golden
        sys.stderr.write('%s: %s\n' % (type(error).__name__, error))
        sys.exit(1)


if __name__ == '__main__':
    main(sys.argv)
