// After the generated project's `mvn verify`: the README's first command's jar runs. Its `db migrate`
// applies V1 to the H2 database in ./data and `db create` then boots Hibernate on the entities (which
// needs the services files the shade plugin's transformer merges) and finds their table there.
// the archetype plugin hands the generated project's folder in `context`
File projectDir = context.get('projectDir') as File
File jar = new File(projectDir, 'target/todo.jar')
assert jar.isFile() : "no runnable jar at ${jar}"

def run = { List<String> arguments ->
    List<String> command = [new File(System.getProperty('java.home'), 'bin/java').path, '-jar', jar.path] + arguments
    Process process = new ProcessBuilder(command).directory(projectDir).redirectErrorStream(true).start()
    String out = process.inputStream.text
    process.waitFor()
    println out
    assert process.exitValue() == 0 : "${arguments} failed:\n${out}"
    out
}

assert run(['db', 'migrate', 'config.yml']).contains('V1')
assert run(['db', 'create', 'config.yml']).contains('nothing to create')
return true
